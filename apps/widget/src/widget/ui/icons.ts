const SVG_NS = 'http://www.w3.org/2000/svg';

/** A 24×24 outline icon from one path. */
export function icon(path: string, className = 'gd-icon'): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', className);
  const shape = document.createElementNS(SVG_NS, 'path');
  shape.setAttribute('d', path);
  svg.append(shape);
  return svg;
}

export const CHAT_ICON = 'M4 5h16v11H9l-5 4z M8 10h.01 M12 10h.01 M16 10h.01';
export const IMAGE_ICON = 'M4 5h16v14H4z M4 16l5-5 4 4 3-3 4 4 M15.5 9.5h.01';
export const CLOSE_ICON = 'M6 6l12 12 M18 6L6 18';
export const EMOJI_ICON = 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M8 14s1.5 2 4 2 4-2 4-2 M9 9.5h.01 M15 9.5h.01';
