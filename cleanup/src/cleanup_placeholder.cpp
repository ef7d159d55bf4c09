// Placeholder translation unit until cleanup sources land.
