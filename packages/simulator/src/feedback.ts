import { DAY, HOUR } from './time.js';
import type { Order } from './types.js';
import type { World } from './world.js';

/**
 * Survey answers after an order ends. Scores and words follow what happened: backorders,
 * late parcels and cancellations pull NPS and sentiment down. The texts use words that the
 * AFINN-165 lexicon scores (great, love, disappointed, terrible, delayed, ...).
 */

const PROMOTER = [
  'Great service, I love the quality. Thank you!',
  'Excellent product and everything arrived as promised. Highly recommend.',
  'Perfect order, happy with everything.',
  'Awesome experience, the team was helpful and friendly.',
  'Amazing value, great packaging. Will order again.',
];
const PASSIVE = [
  'Good product, delivery was fine.',
  'Nice quality, the packaging could be better.',
  'Satisfied overall, good value for money.',
  'Fine experience, nothing special.',
];
const DETRACTOR = [
  'Not happy with the order, poor communication.',
  'The product is ok but the service was bad.',
  'Disappointed, the quality is poor for the price.',
];
const BACKORDERED = [
  'The item was out of stock and backordered without warning. Very disappointed.',
  'It was shown in stock but it was not. Frustrated and annoyed by the delay.',
  'Waited weeks for a backordered item, poor communication, disappointed.',
];
const LATE = [
  'Delivery was delayed, terrible experience.',
  'The parcel was delayed and nobody told me. Bad service.',
  'Delayed again, the worst delivery I have had.',
];
const CANCELLED = [
  'Had to cancel because of the delay. Worst experience, I hate waiting for nothing.',
  'Cancelled my order after waiting too long. Disappointed and frustrated.',
  'Terrible, the item never came and I cancelled.',
];
const MILD_PROBLEM = ['Good product, although the delivery was delayed.', 'Nice item, but I had to wait for the backorder. Still satisfied.'];

function npsMean(order: Order): [number, number] {
  if (order.stage === 'cancelled') return [3.2, 2];
  if (order.hadBackorder && order.late) return [4.8, 2];
  if (order.late) return [5.8, 2];
  if (order.hadBackorder) return [6.2, 2];
  return [8.7, 1.3];
}

function textFor(w: World, order: Order, nps: number): string {
  const rng = w.rng;
  const problem = order.stage === 'cancelled' || order.hadBackorder || order.late;
  if (nps >= 9) return rng.pick(PROMOTER);
  if (nps >= 7) return problem ? rng.pick(MILD_PROBLEM) : rng.pick(PASSIVE);
  if (order.stage === 'cancelled') return rng.pick(CANCELLED);
  if (order.late && (!order.hadBackorder || rng.chance(0.5))) return rng.pick(LATE);
  if (order.hadBackorder) return rng.pick(BACKORDERED);
  return rng.pick(DETRACTOR);
}

/** Some customers answer the survey a few hours to days later; unhappy ones answer more often. */
export function scheduleFeedback(w: World, order: Order): void {
  const rng = w.rng;
  // Someone who simply changed their mind is not surveyed about a delivery that never happened.
  if (order.stage === 'cancelled' && !order.hadBackorder) return;
  const problem = order.stage === 'cancelled' || order.hadBackorder || order.late;
  if (!rng.chance(problem ? 0.4 : 0.2)) return;
  w.after(rng.logBetween(4 * HOUR, 6 * DAY), () => {
    const [mean, sd] = npsMean(order);
    const nps = Math.max(0, Math.min(10, Math.round(rng.normal(mean, sd))));
    const text = textFor(w, order, nps);
    const form = rng.next();
    const base = { customer_id: order.customer.id, order_id: order.id };
    if (form < 0.15) w.emit('feedback.submitted', 'survey', { ...base, nps });
    else if (form < 0.25) w.emit('feedback.submitted', 'survey', { ...base, text });
    else w.emit('feedback.submitted', 'survey', { ...base, nps, text });
  });
}
