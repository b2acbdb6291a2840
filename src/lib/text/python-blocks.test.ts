import { describe, expect, it } from 'vitest';
import { findTopLevelBlocks, logicalLineStarts } from './python-blocks.ts';

const SOURCE = `"""Module docstring.

def not_a_function():
    this is text inside the docstring
"""
import functools

CONSTANT = (
    1,
)


@functools.cache
@functools.wraps(
    print,
)
def decorated(x: int) -> int:
    """A docstring."""
    def nested() -> int:
        return x

    return nested()


async def fetch(url: str) -> bytes:
    text = '''
def inside_a_string():
'''
    return text.encode()
    # an indented comment at the end belongs to the body

# a comment about the class below

class Counter(object):
    value = 0

    def add(self) -> None:
        self.value += 1
def one_liner(): return 1
long_call = fetch(
"def fake(): ...")
if __name__ == "__main__":
    decorated(1)
`;

describe('findTopLevelBlocks', () => {
	const blocks = findTopLevelBlocks(SOURCE);
	const byName = Object.fromEntries(blocks.map((b) => [b.name, b]));
	const lines = SOURCE.split('\n');
	const text = (name: string) => lines.slice(byName[name]!.startLine - 1, byName[name]!.endLine).join('\n');

	it('finds def, async def and class at the top level only, in file order', () => {
		expect(blocks.map((b) => [b.name, b.kind])).toEqual([
			['decorated', 'def'],
			['fetch', 'async def'],
			['Counter', 'class'],
			['one_liner', 'def'],
		]);
	});

	it('starts a block at its first decorator, including a decorator spanning lines', () => {
		expect(text('decorated').split('\n')[0]).toBe('@functools.cache');
		expect(text('decorated')).toContain('def nested() -> int:');
	});

	it('keeps nested functions and blank lines inside the body, and ends at the last body line', () => {
		expect(text('decorated').split('\n').at(-1)).toBe('    return nested()');
	});

	it('ignores look-alike definitions inside strings', () => {
		expect(blocks.some((b) => b.name === 'not_a_function' || b.name === 'inside_a_string' || b.name === 'fake')).toBe(
			false,
		);
		expect(text('fetch')).toContain('def inside_a_string():');
	});

	it(
		'keeps an indented trailing comment but leaves out blank ' +
			'lines and an unindented comment before the next block',
		() => {
			expect(text('fetch').split('\n').at(-1)).toBe('    # an indented comment at the end belongs to the body');
			expect(text('Counter').split('\n')[0]).toBe('class Counter(object):');
			expect(text('Counter').split('\n').at(-1)).toBe('        self.value += 1');
		},
	);

	it('handles a one-line def followed directly by code', () => {
		expect(text('one_liner')).toBe('def one_liner(): return 1');
	});
});

describe('logicalLineStarts', () => {
	it('marks lines inside brackets, strings and backslash continuations as continuations', () => {
		expect(logicalLineStarts('a = (\n1)\nb = 1 + \\\n2\nc = """\nx"""\nd = "\\"("\ne = 1')).toEqual([
			true,
			false,
			true,
			false,
			true,
			false,
			true,
			true,
		]);
	});
});
