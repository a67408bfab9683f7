/** Marketing consent and 勿扰, the privacy notice and its popup, and 我的数据, as pages see them. */
export { fetchConsent, fetchMyData } from './api/queries';
export { ConsentScreen } from './components/ConsentScreen';
export { MyDataScreen } from './components/MyDataScreen';
export { NoticeText } from './components/NoticeText';
export { PhoneConsentCard } from './components/PhoneConsentCard';
export { PrivacyPopup } from './components/PrivacyPopup';
export { ensurePrivacyAgreed, listenForWeChatPrivacy } from './model/gate';
