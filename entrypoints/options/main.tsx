import { mountOptions } from '../../lib/extension/options-app';

void mountOptions(document.getElementById('app')!);
