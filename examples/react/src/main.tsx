import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PlainTagsTask } from './PlainTagsTask.js';
import { WrappersTask } from './WrappersTask.js';

// `?wrappers` shows the same task written with kolam/react's components instead of the plain tags.
const Task = new URLSearchParams(location.search).has('wrappers') ? WrappersTask : PlainTagsTask;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Task />
  </StrictMode>,
);
