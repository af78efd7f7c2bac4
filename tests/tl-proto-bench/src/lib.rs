//! TON lite-server answers in two libraries: ours, generated from `lite_api.tl` with the borrowed types
//! ([`ours`]), and the same definitions declared by hand with tl-proto 0.5.4's derives ([`theirs`]), with
//! one sample builder for both ([`Sample`]). `tests/same_bytes.rs` checks that both write the same bytes
//! and read each other's; `benches/lite.rs` times them side by side.
//!
//! Needs `../shared/schema/wild/lite_api.tl` (the `has_lite_api` cfg); without it the crate is empty.

#![cfg(has_lite_api)]

/// The generated lite_api.tl, with the borrowed types.
#[allow(missing_docs, unreachable_pub, clippy::all)]
pub mod ours {
    tl_runtime::include_tl!("lite_api");
}

/// The answers declared with tl-proto's derives, as a tl-proto user writes them, borrowing `bytes` (the derive names the
/// lifetime `'tl`).
pub mod theirs {
    use tl_proto::{TlRead, TlWrite};

    /// `tonNode.blockIdExt workchain:int shard:long seqno:int root_hash:int256 file_hash:int256`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, TlRead, TlWrite)]
    #[tl(size_hint = 80)]
    pub struct BlockIdExt {
        /// `workchain:int`.
        pub workchain: i32,
        /// `shard:long`.
        pub shard: i64,
        /// `seqno:int`.
        pub seqno: i32,
        /// `root_hash:int256`.
        pub root_hash: [u8; 32],
        /// `file_hash:int256`.
        pub file_hash: [u8; 32],
    }

    /// `liteServer.accountId workchain:int id:int256`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, TlRead, TlWrite)]
    pub struct AccountId {
        /// `workchain:int`.
        pub workchain: i32,
        /// `id:int256`.
        pub id: [u8; 32],
    }

    /// `liteServer.transactionMetadata mode:# depth:int initiator:liteServer.accountId initiator_lt:long`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, TlRead, TlWrite)]
    pub struct TransactionMetadata {
        /// `mode:#` (a plain number: no field is read under it).
        pub mode: u32,
        /// `depth:int`.
        pub depth: i32,
        /// `initiator:liteServer.accountId`.
        pub initiator: AccountId,
        /// `initiator_lt:long`.
        pub initiator_lt: i64,
    }

    /// `liteServer.transactionId#b12f65af mode:# account:mode.0?int256 lt:mode.1?long
    /// hash:mode.2?int256 metadata:mode.8?liteServer.transactionMetadata` (bare in `blockTransactions`):
    /// every field declared, as in ours, so both build values of the same definition.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, TlRead, TlWrite)]
    pub struct TransactionId {
        /// `mode:#`, computed from the fields present.
        #[tl(flags)]
        pub mode: (),
        /// `account:mode.0?int256`.
        #[tl(flags_bit = "mode.0")]
        pub account: Option<[u8; 32]>,
        /// `lt:mode.1?long`.
        #[tl(flags_bit = "mode.1")]
        pub lt: Option<i64>,
        /// `hash:mode.2?int256`.
        #[tl(flags_bit = "mode.2")]
        pub hash: Option<[u8; 32]>,
        /// `metadata:mode.8?liteServer.transactionMetadata`.
        #[tl(flags_bit = "mode.8")]
        pub metadata: Option<TransactionMetadata>,
    }

    /// `liteServer.blockTransactions id:tonNode.blockIdExt req_count:# incomplete:Bool
    /// ids:(vector liteServer.transactionId) proof:bytes = liteServer.BlockTransactions`, boxed.
    #[derive(Debug, Clone, PartialEq, Eq, TlRead, TlWrite)]
    #[tl(boxed, id = 0xbd8cad2b)]
    pub struct BlockTransactions<'tl> {
        /// `id:tonNode.blockIdExt`.
        pub id: BlockIdExt,
        /// `req_count:#`.
        pub req_count: u32,
        /// `incomplete:Bool`.
        pub incomplete: bool,
        /// `ids:(vector liteServer.transactionId)`.
        pub ids: Vec<TransactionId>,
        /// `proof:bytes`.
        pub proof: &'tl [u8],
    }

    /// [`BlockTransactions`] with its `bytes` owned (`Vec<u8>`), for owned decoding.
    #[derive(Debug, Clone, PartialEq, Eq, TlRead, TlWrite)]
    #[tl(boxed, id = 0xbd8cad2b)]
    pub struct BlockTransactionsOwned {
        /// `id:tonNode.blockIdExt`.
        pub id: BlockIdExt,
        /// `req_count:#`.
        pub req_count: u32,
        /// `incomplete:Bool`.
        pub incomplete: bool,
        /// `ids:(vector liteServer.transactionId)`.
        pub ids: Vec<TransactionId>,
        /// `proof:bytes`.
        pub proof: Vec<u8>,
    }

    /// [`AccountState`] with its `bytes` owned (`Vec<u8>`), for owned decoding.
    #[derive(Debug, Clone, PartialEq, Eq, TlRead, TlWrite)]
    #[tl(boxed, id = 0x7079c751)]
    pub struct AccountStateOwned {
        /// `id:tonNode.blockIdExt`.
        pub id: BlockIdExt,
        /// `shardblk:tonNode.blockIdExt`.
        pub shardblk: BlockIdExt,
        /// `shard_proof:bytes`.
        pub shard_proof: Vec<u8>,
        /// `proof:bytes`.
        pub proof: Vec<u8>,
        /// `state:bytes`.
        pub state: Vec<u8>,
    }

    /// `liteServer.signature node_id_short:int256 signature:bytes`.
    #[derive(Debug, Clone, PartialEq, Eq, TlRead, TlWrite)]
    pub struct Signature<'tl> {
        /// `node_id_short:int256`.
        pub node_id_short: [u8; 32],
        /// `signature:bytes`.
        pub signature: &'tl [u8],
    }

    /// `liteServer.SignatureSet`, boxed: `liteServer.signatureSet.ordinary` or `.simplex`.
    #[derive(Debug, Clone, PartialEq, Eq, TlRead, TlWrite)]
    #[tl(boxed)]
    pub enum SignatureSet<'tl> {
        /// `liteServer.signatureSet.ordinary#f644a6e6 validator_set_hash:int catchain_seqno:int
        /// signatures:(vector liteServer.signature)`.
        #[tl(id = 0xf644a6e6)]
        Ordinary {
            /// `validator_set_hash:int`.
            validator_set_hash: i32,
            /// `catchain_seqno:int`.
            catchain_seqno: i32,
            /// `signatures:(vector liteServer.signature)`.
            signatures: Vec<Signature<'tl>>,
        },
        /// `liteServer.signatureSet.simplex cc_seqno:int validator_set_hash:int signatures:(vector
        /// liteServer.signature) session_id:int256 slot:int candidate:bytes`.
        #[tl(id = 0xac249800)]
        Simplex {
            /// `cc_seqno:int`.
            cc_seqno: i32,
            /// `validator_set_hash:int`.
            validator_set_hash: i32,
            /// `signatures:(vector liteServer.signature)`.
            signatures: Vec<Signature<'tl>>,
            /// `session_id:int256`.
            session_id: [u8; 32],
            /// `slot:int`.
            slot: i32,
            /// `candidate:bytes`.
            candidate: &'tl [u8],
        },
    }

    /// `liteServer.BlockLink`, boxed: `liteServer.blockLinkBack` or `liteServer.blockLinkForward`.
    #[derive(Debug, Clone, PartialEq, Eq, TlRead, TlWrite)]
    #[tl(boxed)]
    pub enum BlockLink<'tl> {
        /// `liteServer.blockLinkBack to_key_block:Bool from:tonNode.blockIdExt to:tonNode.blockIdExt
        /// dest_proof:bytes proof:bytes state_proof:bytes`.
        #[tl(id = 0xef7e1bef)]
        Back {
            /// `to_key_block:Bool`.
            to_key_block: bool,
            /// `from:tonNode.blockIdExt`.
            from: BlockIdExt,
            /// `to:tonNode.blockIdExt`.
            to: BlockIdExt,
            /// `dest_proof:bytes`.
            dest_proof: &'tl [u8],
            /// `proof:bytes`.
            proof: &'tl [u8],
            /// `state_proof:bytes`.
            state_proof: &'tl [u8],
        },
        /// `liteServer.blockLinkForward to_key_block:Bool from:tonNode.blockIdExt to:tonNode.blockIdExt
        /// dest_proof:bytes config_proof:bytes signatures:liteServer.SignatureSet`.
        #[tl(id = 0x520fce1c)]
        Forward {
            /// `to_key_block:Bool`.
            to_key_block: bool,
            /// `from:tonNode.blockIdExt`.
            from: BlockIdExt,
            /// `to:tonNode.blockIdExt`.
            to: BlockIdExt,
            /// `dest_proof:bytes`.
            dest_proof: &'tl [u8],
            /// `config_proof:bytes`.
            config_proof: &'tl [u8],
            /// `signatures:liteServer.SignatureSet`.
            signatures: SignatureSet<'tl>,
        },
    }

    /// `liteServer.partialBlockProof complete:Bool from:tonNode.blockIdExt to:tonNode.blockIdExt
    /// steps:(vector liteServer.BlockLink) = liteServer.PartialBlockProof`, boxed: nesting four deep
    /// (proof, link, signature set, signature), many small boxed objects.
    #[derive(Debug, Clone, PartialEq, Eq, TlRead, TlWrite)]
    #[tl(boxed, id = 0x8ed0d2c1)]
    pub struct PartialBlockProof<'tl> {
        /// `complete:Bool`.
        pub complete: bool,
        /// `from:tonNode.blockIdExt`.
        pub from: BlockIdExt,
        /// `to:tonNode.blockIdExt`.
        pub to: BlockIdExt,
        /// `steps:(vector liteServer.BlockLink)`.
        pub steps: Vec<BlockLink<'tl>>,
    }

    /// `liteServer.accountState id:tonNode.blockIdExt shardblk:tonNode.blockIdExt shard_proof:bytes
    /// proof:bytes state:bytes = liteServer.AccountState`, boxed.
    #[derive(Debug, Clone, PartialEq, Eq, TlRead, TlWrite)]
    #[tl(boxed, id = 0x7079c751)]
    pub struct AccountState<'tl> {
        /// `id:tonNode.blockIdExt`.
        pub id: BlockIdExt,
        /// `shardblk:tonNode.blockIdExt`.
        pub shardblk: BlockIdExt,
        /// `shard_proof:bytes`.
        pub shard_proof: &'tl [u8],
        /// `proof:bytes`.
        pub proof: &'tl [u8],
        /// `state:bytes`.
        pub state: &'tl [u8],
    }
}

use ours::types::{lite_server, ton_node};

/// The values of one sample, from which both libraries' values are built: `ids` transaction ids and a
/// proof of `proof_len` bytes, or an account state of `state_len` bytes.
#[derive(Debug, Clone)]
pub struct Sample {
    /// The bytes every `bytes` field of the sample borrows from.
    pub blob: Vec<u8>,
    /// How many transaction ids.
    pub ids: usize,
}

impl Sample {
    /// A sample of `ids` transaction ids and `blob_len` bytes of proof (or state).
    pub fn new(ids: usize, blob_len: usize) -> Sample {
        let blob = (0..blob_len).map(|i| (i * 7 + 3) as u8).collect();
        Sample { blob, ids }
    }

    fn block(&self, seqno: i32) -> (i32, i64, i32, [u8; 32], [u8; 32]) {
        (-1, i64::MIN + 7, seqno, [seqno as u8; 32], [!(seqno as u8); 32])
    }

    fn transaction(i: usize) -> ([u8; 32], i64, [u8; 32]) {
        ([i as u8; 32], 40_000_000 + i as i64, [(i * 3) as u8; 32])
    }

    /// Ours: `liteServer.blockTransactions`, the boxed answer.
    pub fn ours_block_transactions(&self) -> ours::enums::lite_server::BlockTransactions {
        let ids = (0..self.ids).map(|i| {
            let (account, lt, hash) = Self::transaction(i);
            lite_server::TransactionId {
                account: Some(account),
                lt: Some(lt),
                hash: Some(hash),
                metadata: None,
            }
        });
        let proof = self.blob.clone();
        let (id, req_count, incomplete) = (self.ours_block(1), self.ids as u32, true);
        lite_server::BlockTransactions {
            id,
            req_count,
            incomplete,
            ids: ids.collect(),
            proof,
        }
        .into()
    }

    /// Theirs: the same `liteServer.blockTransactions`.
    pub fn theirs_block_transactions(&self) -> theirs::BlockTransactions<'_> {
        let ids = (0..self.ids).map(|i| {
            let (account, lt, hash) = Self::transaction(i);
            theirs::TransactionId {
                mode: (),
                account: Some(account),
                lt: Some(lt),
                hash: Some(hash),
                metadata: None,
            }
        });
        let (id, req_count, incomplete) = (self.theirs_block(1), self.ids as u32, true);
        theirs::BlockTransactions {
            id,
            req_count,
            incomplete,
            ids: ids.collect(),
            proof: &self.blob,
        }
    }

    /// Ours: `liteServer.accountState` whose `state` is the blob.
    pub fn ours_account_state(&self) -> ours::enums::lite_server::AccountState {
        let (id, shardblk) = (self.ours_block(1), self.ours_block(2));
        let (shard_proof, proof, state) = (vec![1; 96], vec![2; 160], self.blob.clone());
        lite_server::AccountState {
            id,
            shardblk,
            shard_proof,
            proof,
            state,
        }
        .into()
    }

    /// Theirs: the same `liteServer.accountState`, borrowing `proofs` for its two proofs.
    pub fn theirs_account_state<'a>(&'a self, proofs: &'a ([u8; 96], [u8; 160])) -> theirs::AccountState<'a> {
        let (id, shardblk) = (self.theirs_block(1), self.theirs_block(2));
        theirs::AccountState {
            id,
            shardblk,
            shard_proof: &proofs.0,
            proof: &proofs.1,
            state: &self.blob,
        }
    }

    /// The two proofs of the account state, for [`Sample::theirs_account_state`].
    pub fn account_proofs() -> ([u8; 96], [u8; 160]) {
        ([1; 96], [2; 160])
    }

    /// Ours: `liteServer.partialBlockProof` of `self.ids` steps, backward and forward links in turn,
    /// each forward one signed by eight validators; every proof and signature a slice of the blob (give
    /// it at least [`Sample::PROOF_BLOB`] bytes).
    pub fn ours_partial_block_proof(&self) -> ours::enums::lite_server::PartialBlockProof {
        use ours::{enums::lite_server::BlockLink, types::lite_server_signature_set::Ordinary};
        let step = |i: usize| match i % 2 {
            0 => BlockLink::from(lite_server::BlockLinkBack {
                to_key_block: false,
                from: self.ours_block(i as i32),
                to: self.ours_block(i as i32 + 1),
                dest_proof: self.slice(i, 96).to_vec(),
                proof: self.slice(i + 1, 128).to_vec(),
                state_proof: self.slice(i + 2, 64).to_vec(),
            }),
            _ => BlockLink::from(lite_server::BlockLinkForward {
                to_key_block: true,
                from: self.ours_block(i as i32),
                to: self.ours_block(i as i32 + 1),
                dest_proof: self.slice(i, 96).to_vec(),
                config_proof: self.slice(i + 3, 160).to_vec(),
                signatures: Ordinary {
                    validator_set_hash: i as i32,
                    catchain_seqno: 7,
                    signatures: (0..8)
                        .map(|v| lite_server::Signature {
                            node_id_short: [v as u8; 32],
                            signature: self.slice(i + v, 64).to_vec(),
                        })
                        .collect(),
                }
                .into(),
            }),
        };
        lite_server::PartialBlockProof {
            complete: true,
            from: self.ours_block(0),
            to: self.ours_block(self.ids as i32),
            steps: (0..self.ids).map(step).collect(),
        }
        .into()
    }

    /// Theirs: the same `liteServer.partialBlockProof`, borrowing the blob.
    pub fn theirs_partial_block_proof(&self) -> theirs::PartialBlockProof<'_> {
        use theirs::{BlockLink, SignatureSet};
        let step = |i: usize| match i % 2 {
            0 => BlockLink::Back {
                to_key_block: false,
                from: self.theirs_block(i as i32),
                to: self.theirs_block(i as i32 + 1),
                dest_proof: self.slice(i, 96),
                proof: self.slice(i + 1, 128),
                state_proof: self.slice(i + 2, 64),
            },
            _ => BlockLink::Forward {
                to_key_block: true,
                from: self.theirs_block(i as i32),
                to: self.theirs_block(i as i32 + 1),
                dest_proof: self.slice(i, 96),
                config_proof: self.slice(i + 3, 160),
                signatures: SignatureSet::Ordinary {
                    validator_set_hash: i as i32,
                    catchain_seqno: 7,
                    signatures: (0..8)
                        .map(|v| theirs::Signature {
                            node_id_short: [v as u8; 32],
                            signature: self.slice(i + v, 64),
                        })
                        .collect(),
                },
            },
        };
        theirs::PartialBlockProof {
            complete: true,
            from: self.theirs_block(0),
            to: self.theirs_block(self.ids as i32),
            steps: (0..self.ids).map(step).collect(),
        }
    }

    /// The blob a proof sample needs: every slice [`Sample::slice`] takes fits in it.
    pub const PROOF_BLOB: usize = 1024;

    /// `len` bytes of the blob from a place that `at` picks.
    fn slice(&self, at: usize, len: usize) -> &[u8] {
        let start = (at * 13) % (self.blob.len() - len);
        &self.blob[start..start + len]
    }

    fn ours_block(&self, seqno: i32) -> ton_node::BlockIdExt {
        let (workchain, shard, seqno, root_hash, file_hash) = self.block(seqno);
        ton_node::BlockIdExt {
            workchain,
            shard,
            seqno,
            root_hash,
            file_hash,
        }
    }

    fn theirs_block(&self, seqno: i32) -> theirs::BlockIdExt {
        let (workchain, shard, seqno, root_hash, file_hash) = self.block(seqno);
        theirs::BlockIdExt {
            workchain,
            shard,
            seqno,
            root_hash,
            file_hash,
        }
    }
}
