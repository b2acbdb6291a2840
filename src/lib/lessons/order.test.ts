import { describe, expect, it } from 'vitest';
import { lessonName, lessonsInOrder } from './order.ts';

const entry = (id: string, order?: number, draft = false) => ({
	id,
	data: { title: id, draft, sidebar: order === undefined ? {} : { order } },
});

describe('lessonsInOrder', () => {
	it('orders lessons as the sidebar does: sidebar.order, then unordered ones by file name', () => {
		const entries = [
			entry('lessons/c'),
			entry('lessons/b', 2),
			entry('index'),
			entry('lessons/a'),
			entry('lessons/z', 1),
			entry('lessons/d', 3, true),
		];
		expect(lessonsInOrder(entries).map((e) => e.id)).toEqual(['lessons/z', 'lessons/b', 'lessons/a', 'lessons/c']);
		expect(lessonName(entries[0]!)).toBe('c');
	});
	it('breaks a tie in sidebar.order by file name, not by title (as the sidebar, the outline and the PDF do)', () => {
		const entries = [
			{ id: 'lessons/b', data: { title: 'A title', sidebar: { order: 1 } } },
			{ id: 'lessons/a', data: { title: 'B title', sidebar: { order: 1 } } },
		];
		expect(lessonsInOrder(entries).map((e) => e.id)).toEqual(['lessons/a', 'lessons/b']);
	});
});
