/** Subscription messages as pages see them: the card on the home page and the prompt after an action. */
export { SubscribePrompt } from './components/SubscribePrompt';
export { SubscriptionCard } from './components/SubscriptionCard';
