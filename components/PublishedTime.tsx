import { formatPublished } from './format';

export interface PublishedTimeProps {
  iso?: string;
  locale?: string;
}

export function PublishedTime({ iso, locale }: PublishedTimeProps) {
  const text = formatPublished(iso, locale);
  if (!iso || !text) return null;
  return (
    <time class="px-time" dateTime={iso}>
      {text}
    </time>
  );
}
