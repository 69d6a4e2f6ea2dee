/** Narrow screens get the panel full-screen (styles.css); keep this in step with its media query. */
export const NARROW_SCREEN = '(max-width: 480px)';

/**
 * On a phone the on-screen keyboard shrinks the visual viewport, not the layout viewport a fixed panel fills, so
 * the input and 发送 would sit under the keyboard. While the panel is open on a narrow screen it is kept to the
 * visible area (--gd-vv-top / --gd-vv-height, read by styles.css). Pinch-zoom is left alone. Returns a stop function.
 */
export function fitToVisualViewport(panel: HTMLElement): () => void {
  const viewport = window.visualViewport;
  const narrow = window.matchMedia(NARROW_SCREEN);
  if (!viewport) return () => undefined;
  const clear = () => {
    panel.style.removeProperty('--gd-vv-top');
    panel.style.removeProperty('--gd-vv-height');
  };
  const update = () => {
    if (!narrow.matches || viewport.scale > 1.01) return clear();
    panel.style.setProperty('--gd-vv-top', `${Math.max(0, viewport.offsetTop)}px`);
    panel.style.setProperty('--gd-vv-height', `${viewport.height}px`);
  };
  viewport.addEventListener('resize', update);
  viewport.addEventListener('scroll', update);
  narrow.addEventListener('change', update);
  update();
  return () => {
    viewport.removeEventListener('resize', update);
    viewport.removeEventListener('scroll', update);
    narrow.removeEventListener('change', update);
    clear();
  };
}
