import { createDb } from '../../lib/db/db';
import { startBackground } from '../../lib/extension/background';

export default defineBackground(() => {
  startBackground(createDb());
});
