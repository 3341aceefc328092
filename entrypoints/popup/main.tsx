import { mountPopup } from '../../lib/extension/popup-app';

void mountPopup(document.getElementById('app')!);
