// Integration tests call route handlers directly, with no server in front: the X-Forwarded-For a test sends plays
// the part of what the server's peer-address hook appends (its last entry is the connection's address).
import { assumePeerAddressAppended } from "@/lib/infra/peer-address";

assumePeerAddressAppended();
