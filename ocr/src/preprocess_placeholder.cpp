// Placeholder translation unit until preprocessing sources land.
