// Long lists are shown a page at a time (`?page=`): what to skip and take, and how many pages there are.
// A page number that is not one (text, 0, negative, past the end) shows the nearest page: never an error.
import { firstParam } from './text.ts';

export const PAGE_SIZE = 100;

export type Paging = { page: number; size: number; skip: number };

/** The page asked for by a `?page=` value (1 when absent or not a number). */
export function pagingOf(raw: string | string[] | undefined, size = PAGE_SIZE): Paging {
  const v = firstParam(raw, 6);
  const page = /^[1-9]\d{0,4}$/.test(v) ? Number(v) : 1;
  return { page, size, skip: (page - 1) * size };
}

/** How many pages `total` rows fill (at least one), and the page actually shown. */
export function pagesOf(paging: Paging, total: number): { page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(total / paging.size));
  return { page: Math.min(paging.page, pages), pages };
}
