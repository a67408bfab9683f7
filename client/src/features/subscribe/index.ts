/** Subscription messages as pages see them: the card on the home page and the prompt after an action. */
export { askForSubscriptions } from './api/askForSubscriptions';
export { reportSubscriptions } from './api/subscriptions';
export { SubscribePrompt } from './components/SubscribePrompt';
export { SubscribeStandIn } from './components/SubscribeStandIn';
export { SubscriptionCard } from './components/SubscriptionCard';
