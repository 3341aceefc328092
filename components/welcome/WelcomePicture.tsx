/**
 * The welcome page's picture: an article with one sentence underlined and,
 * beside it, the card with another outlet's wording and what differs.
 * Drawn, not a screenshot, so it follows the page's light or dark theme.
 */
export function WelcomePicture() {
  const line = (y: number, width: number) => <rect x="24" y={y} width={width} height="8" rx="4" class="px-pic-line" />;
  return (
    <svg class="px-welcome-picture" viewBox="0 0 520 230" role="img" aria-labelledby="px-pic-title">
      <title id="px-pic-title">
        An article with one sentence underlined, and beside it a card: another outlet reported the same claim with another number.
      </title>
      {/* The article. */}
      <rect x="4" y="4" width="300" height="222" rx="10" class="px-pic-page" />
      <rect x="24" y="22" width="190" height="14" rx="5" class="px-pic-heading" />
      {line(52, 250)}
      {line(68, 236)}
      <rect x="24" y="84" width="252" height="8" rx="4" class="px-pic-marked" />
      <rect x="24" y="95" width="252" height="3" rx="1.5" class="px-pic-underline" />
      <rect x="24" y="103" width="170" height="8" rx="4" class="px-pic-marked" />
      <rect x="24" y="114" width="170" height="3" rx="1.5" class="px-pic-underline" />
      {line(130, 244)}
      {line(146, 258)}
      {line(162, 210)}
      {line(186, 250)}
      {line(202, 140)}
      {/* The card. */}
      <path d="M 282 112 L 312 100 L 312 124 Z" class="px-pic-card" />
      <rect x="310" y="60" width="204" height="120" rx="10" class="px-pic-card" />
      <text x="326" y="86" class="px-pic-outlet">
        Meridian Post
      </text>
      <text x="326" y="108" class="px-pic-text">
        “…about <tspan class="px-pic-number">4,000</tspan> dock
      </text>
      <text x="326" y="128" class="px-pic-text">
        workers…”
      </text>
      <text x="326" y="160" class="px-pic-flag">
        number differs
      </text>
    </svg>
  );
}
