"""Getting documents in: inputs and manifests, PDF import (in-process or in a worker), the
demo, indicators."""
