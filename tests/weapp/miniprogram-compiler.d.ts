/** WeChat's official WXML (wcc) and WXSS (wcsc) compilers, wrapped for node by the miniprogram-compiler package. */
declare module 'miniprogram-compiler' {
  export interface CompilerOptions {
    maxBuffer?: number
    wxmlList?: string[]
    wxsList?: string[]
    wxssList?: string[]
  }
  /** wcc over every .wxml/.wxs under rootPath: a function body returning `$gwx(file)` → template function. */
  export function wxmlToJs(rootPath: string, options?: CompilerOptions): string
  /** wcsc over every .wxss under rootPath: a function body returning `(file) => style rewriter`. */
  export function wxssToJs(rootPath: string, options?: CompilerOptions): string
}

/** The raw wcsc call; unlike wxssToJs it returns (does not throw) an Error carrying wcsc's own message. */
declare module 'miniprogram-compiler/src/wcsc' {
  function wcsc(rootPath: string, files: string[], options?: { maxBuffer?: number }): Record<string, string> | Error
  export = wcsc
}
