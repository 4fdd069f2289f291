from integraph.cli import main

main()
