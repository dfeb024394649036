from .fit import main

raise SystemExit(main())
