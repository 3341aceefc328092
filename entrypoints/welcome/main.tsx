import { mountWelcome } from '../../lib/extension/welcome-app';

void mountWelcome(document.getElementById('app')!);
