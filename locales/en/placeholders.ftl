# `check`: translation blocks that still hold the source's text under its language mark.
placeholders-not-translated = { $lang }: { $file }: { $count ->
        [one] 1 block is not translated yet (line { $lines }: the source's text under the { $mark } mark); translate it
       *[other] { $count } blocks are not translated yet (lines { $lines }: the source's text under the { $mark } mark); translate them
    } and remove the mark
