from lerend_netwerk.entry import main

main()
