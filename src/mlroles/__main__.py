from mlroles.cli import main

raise SystemExit(main())
