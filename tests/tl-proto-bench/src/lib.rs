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

    /// `liteServer.transactionId#b12f65af mode:# account:mode.0?int256 lt:mode.1?long
    /// hash:mode.2?int256 metadata:mode.8?liteServer.transactionMetadata` (bare in `blockTransactions`;
    /// the samples leave `metadata` out, so it is not declared).
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
