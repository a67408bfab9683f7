/** Who is signed in, and the home page's entries, as pages see them; everything else in this folder is its own. */
export { fetchWhoAmI, type WhoAmI } from './api/whoami';
export { EntryCell } from './components/EntryCell';
export { ProjectCard } from './components/ProjectCard';
export { InviteCodeForm } from './components/InviteCodeForm';
