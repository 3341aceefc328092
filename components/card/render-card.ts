/** The Preact card as the page's card host draws it. */
import { h, render } from 'preact';
import type { CardRenderer } from '../../lib/annotator/card-host';
import { Card } from '../Card';
import { CARD_CSS } from './card-style';

export const cardRenderer: CardRenderer = {
  css: CARD_CSS,
  render: (target, sentence, onClose) => render(h(Card, { sentence, onClose }), target),
  clear: (target) => render(null, target),
};
