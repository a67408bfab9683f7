/** The admin feature as pages see it: the configuration summary and the history of changes. */
export { fetchConfigOverview, type ConfigOverview } from './api/queries';
export { ConfigOverviewView } from './components/ConfigOverviewView';
