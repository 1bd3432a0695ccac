/** Starts an extension page (popup, options, draft): the one palette, the pages' CSS, the page's App. */
import { render, type ComponentType } from 'preact';
import { PALETTE_CSS } from './palette';
import './pages.css';

export function mountPage(App: ComponentType) {
  const style = document.createElement('style');
  style.textContent = PALETTE_CSS;
  document.head.prepend(style);
  render(<App />, document.getElementById('app')!);
}
