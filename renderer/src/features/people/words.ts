export { localDay } from '../../components/format';

export const bookingStateWords: Record<string, string> = {
  booked: 'Booked',
  waitlisted: 'On the waiting list',
  offered: 'Offered a place',
  cancelled: 'Cancelled',
  no_show: 'Did not come',
};
