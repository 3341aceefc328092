/**
 * Story labels as the extension would give them: the documents captured one
 * by one, in time order, through the capture pipeline (lib/story/align.ts
 * over the in-memory corpus). A document the pipeline refuses (no sentences,
 * say) is a story of its own.
 */
import { alignArticles } from '../../lib/story/align';
import type { StoryDoc } from '../../lib/story/stories';

export async function pipelineStories(docs: StoryDoc[]): Promise<string[]> {
  const time = (d: StoryDoc): number => (d.publishedAt ? Date.parse(d.publishedAt) : 0) || 0;
  const order = docs.map((d, i) => ({ d, i })).sort((x, y) => time(x.d) - time(y.d) || x.i - y.i);
  const result = await alignArticles(
    order.map(({ d }) => ({
      id: d.id,
      url: `https://eval.invalid/${encodeURIComponent(d.id)}`,
      outlet: d.outlet || d.id,
      title: d.title,
      text: d.text,
      ...(d.publishedAt ? { publishedAt: d.publishedAt } : {}),
    })),
  );
  const story = new Map(result.articles.map((a) => [a.id, a.storyId]));
  return docs.map((d) => story.get(d.id) ?? `refused-${d.id}`);
}
