// opencc-js ships its dictionaries as ES modules without type declarations.
declare module 'opencc-js/dict/TSCharacters' {
  /** "繁 简|繁 简 简2|…": traditional (or variant) character, then its simplified forms. */
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/STCharacters' {
  const dict: string;
  export default dict;
}
