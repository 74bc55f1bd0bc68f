import { pagesOf, pagingOf } from '@/lib/core/paging';

test('?page= gives the rows to skip; anything that is not a page number shows the first page', () => {
  expect(pagingOf('3', 100)).toEqual({ page: 3, size: 100, skip: 200 });
  expect(pagingOf(['2', '9'], 10)).toEqual({ page: 2, size: 10, skip: 10 });
  for (const raw of [undefined, '', '0', '-1', '1.5', 'abc', '1e3', ' ', '9999999999', '0x10', '100000']) expect(pagingOf(raw).page).toBe(1);
});

test('the number of pages, and a page past the end shown as the last one', () => {
  expect(pagesOf(pagingOf('1', 100), 0)).toEqual({ page: 1, pages: 1 });
  expect(pagesOf(pagingOf('1', 100), 100)).toEqual({ page: 1, pages: 1 });
  expect(pagesOf(pagingOf('2', 100), 101)).toEqual({ page: 2, pages: 2 });
  expect(pagesOf(pagingOf('7', 100), 250)).toEqual({ page: 3, pages: 3 });
});
