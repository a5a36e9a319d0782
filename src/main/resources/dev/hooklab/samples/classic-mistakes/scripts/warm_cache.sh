# Fills the cache after a start.
echo "warming the cache"
