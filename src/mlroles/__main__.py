from mlroles.cli.main import main

raise SystemExit(main())
