import { splitHighlights } from './split-highlights';

export interface HighlightedTextProps {
  text: string;
  highlights: [number, number][];
}

/** Text with the matched parts in `<mark>`. */
export function HighlightedText({ text, highlights }: HighlightedTextProps) {
  return (
    <>
      {splitHighlights(text, highlights).map((piece, i) =>
        piece.hit ? (
          <mark key={i} class="px-hit">
            {piece.text}
          </mark>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
