import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { exampleExists, listExampleSlugs } from './lib/examples/metadata.ts';

export const collections = {
	docs: defineCollection({
		loader: docsLoader(),
		schema: docsSchema({
			extend: z.object({
				/**
				 * Slug of the example project this lesson teaches with: a folder `examples/<slug>/` holding an
				 * `example.json`. The build fails when it does not exist, so a lesson never links a missing project.
				 */
				example: z
					.string()
					.optional()
					.superRefine((slug, ctx) => {
						if (slug !== undefined && !exampleExists(slug)) {
							ctx.addIssue({
								code: 'custom',
								message:
									`example "${slug}" does not exist in examples/ ` +
									`(available: ${listExampleSlugs().join(', ') || 'none'})`,
							});
						}
					}),
				/** One line per learning goal, shown at the top of the lesson. */
				goals: z.array(z.string()).optional(),
				/**
				 * Measured runs the hero replays at real speed, beside the title (the home page): an example and its
				 * variants, top to bottom, as in `<TimelineReplay>`; the build fails when one has no timeline.
				 */
				heroReplay: z
					.object({ example: z.string(), variants: z.array(z.string()).min(1), caption: z.string().optional() })
					.optional(),
			}),
		}),
	}),
};
