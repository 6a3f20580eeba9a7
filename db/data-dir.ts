import path from 'node:path';

// Where the embedded database and the generated demo secrets live (resolved at run time, not traced by the bundler).
export const DATA_DIR = path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.DATA_DIR ?? '.data');
