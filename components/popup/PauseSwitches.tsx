export type PauseScope = 'site' | 'everywhere';

export interface PauseSwitchesProps {
  pause: PauseState;
  host?: string;
  onPause(scope: PauseScope, paused: boolean): void;
}

/** Switches that stop Parallax from storing articles, on this site or on all sites. */
export function PauseSwitches({ pause, host, onPause }: PauseSwitchesProps) {
  const sitePaused = !!host && pause.hosts.includes(host);
  return (
    <fieldset class="px-pause">
      <legend>Reading capture</legend>
      {host ? (
        <label class="px-switch">
          <input
            type="checkbox"
            role="switch"
            checked={sitePaused}
            onChange={(e) => onPause('site', (e.currentTarget as HTMLInputElement).checked)}
          />
          <span>Pause on {host}</span>
        </label>
      ) : null}
      <label class="px-switch">
        <input
          type="checkbox"
          role="switch"
          checked={pause.everywhere}
          onChange={(e) => onPause('everywhere', (e.currentTarget as HTMLInputElement).checked)}
        />
        <span>Pause everywhere</span>
      </label>
    </fieldset>
  );
}
import type { PauseState } from '../../lib/types';
