// Measures (绩效): the morning board, the charts and the targets. The header's words are eager (tiny); the page is its
// own chunk, and its charts (echarts) another.
import './measures-nav.locales';

/** Loads the 绩效 page as its own chunk (an agent who never opens it loads none of it). */
export const loadMeasuresPage = () => import('./MeasuresPage');
