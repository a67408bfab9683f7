/** The dev persona picker (H5 only) as pages see it; everything else in this folder is its own. */
export { fetchPersonas, type Persona } from './api/personas';
export { DevPersonaBar } from './components/DevPersonaBar';
export { PersonaList } from './components/PersonaList';
