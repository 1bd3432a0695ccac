import { render } from 'preact';
import { App } from './App';
import '../../components/pages.css';

render(<App />, document.getElementById('app')!);
