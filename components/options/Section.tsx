import type { ComponentChildren } from 'preact';

export interface SectionProps {
  /** Used for the heading's id; unique on the page. */
  id: string;
  title: string;
  children: ComponentChildren;
}

/** One titled part of the options page; feeds, import/export and the like are further Sections. */
export function Section({ id, title, children }: SectionProps) {
  const headingId = `px-section-${id}`;
  return (
    <section class="px-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
