// Discovery moved to lib/cpython so the server can check teacher levels with the same code.
export * from '../../lib/cpython/pythons';
