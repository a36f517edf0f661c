// Taro's React rules, plus the one direction of imports of DESIGN.md.
module.exports = {
  root: true,
  extends: ['taro/react'],
  plugins: ['import'],
  settings: {
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.d.ts'] } },
  },
  rules: {
    'react/jsx-uses-react': 'off',
    'react/react-in-jsx-scope': 'off',
    'import/no-cycle': 'error',
    'import/no-restricted-paths': [
      'error',
      {
        zones: [
          // domain/ and plan/ are pure: nothing else from src/.
          { target: './src/domain', from: './src', except: ['./domain'], message: 'domain/ imports only itself' },
          { target: './src/plan', from: './src', except: ['./plan'], message: 'plan/ imports only itself' },
          // Nothing on the phone imports the cloud layer.
          { target: './src/pages', from: './src/cloud' },
          { target: './src/packages', from: './src/cloud' },
          { target: './src/components', from: './src/cloud' },
          { target: './src/api', from: './src/cloud' },
          { target: './src/hooks', from: './src/cloud' },
          { target: './src/app.ts', from: './src/cloud' },
          // Components are presentational: no data fetching.
          { target: './src/components', from: './src/api' },
          // The cloud layer never reaches into the app.
          { target: './src/cloud', from: './src/pages' },
          { target: './src/cloud', from: './src/packages' },
          { target: './src/cloud', from: './src/components' },
          { target: './src/cloud', from: './src/api' },
        ],
      },
    ],
    'no-restricted-imports': [
      'error',
      {
        paths: [
          { name: 'react', importNames: ['default'], message: 'The JSX runtime needs no React import.' },
        ],
      },
    ],
  },
  overrides: [
    {
      files: ['src/domain/**', 'src/plan/**'],
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: ['node:*', '@tarojs/*', 'react', 'react-dom', 'fs', 'path', 'crypto', 'better-sqlite3'] },
        ],
      },
    },
    {
      files: ['src/cloud/**', 'scripts/**', 'tests/**', 'config/**'],
      rules: { 'import/no-nodejs-modules': 'off' },
    },
    {
      // The bench's bare Taro app: the CommonJS config files Taro reads, as `taro init` writes them.
      files: ['scripts/bench-baseline/**/*.js'],
      rules: { 'import/no-commonjs': 'off' },
    },
  ],
  ignorePatterns: ['dist/', 'node_modules/', 'cloudfunctions/', 'coverage/', '*.d.ts'],
}
