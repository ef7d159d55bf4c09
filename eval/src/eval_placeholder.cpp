// Placeholder translation unit until eval sources land.
