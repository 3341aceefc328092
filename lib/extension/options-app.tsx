import { render } from 'preact';
import { Options } from '../../components/options/Options';
import { sendMessage } from '../messaging/client';
import type { StoreStats } from '../messaging/protocol';

export async function mountOptions(container: HTMLElement): Promise<void> {
  const draw = (stats: StoreStats): void => {
    render(
      <Options
        stats={stats}
        onDeleteOutlet={async (outlet: string) => draw(await sendMessage('deleteOutlet', { outlet }))}
        onDeleteAll={async () => draw(await sendMessage('deleteAll', {}))}
      />,
      container,
    );
  };
  draw(await sendMessage('stats', {}));
}
