from mlroles.cli.entry import main

raise SystemExit(main())
