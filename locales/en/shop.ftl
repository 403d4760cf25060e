# The commands that compile under a memory budget (check, proof, preview, images, watch).
shop-memory-stopped = stopped: the compilation needed more memory than --memory allows ({ $budget })
shop-memory-look-at = a chapter may build a huge text, list or image: look at { $files }
shop-memory-unknown-chapters = the guide's Typst chapters and images
shop-memory-allow-more = if the guide is only large, allow more with --memory, e.g. --memory 8GB
shop-memory-gb = { $size } GB
shop-memory-mb = { $size } MB
shop-self-find = cannot find livret's own program ({ $reason })
shop-self-start = cannot start livret's own process ({ $reason })
shop-self-wait = cannot wait for livret's own process ({ $reason })

# A link a Typst chapter writes to another place than the web, mail or telephone.
shop-typst-link-as-text = { $place }: warning: the link to `{ $url }` is printed as text: only http, https, mailto and tel links are made live

# A print preset's quantity.
shop-preset-quantity = quantity must be a number of copies from 1 to 10000000, not { $quantity }

# `livret images --memory`.
help-images--memory = Stop with an error when the compilations need more memory than this (e.g. 2GB, or `none`): the command runs in a process of its own under that limit.
