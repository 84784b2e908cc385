import { useState } from 'react'
import { call, isDesktop, uploadFile } from '../../lib/api'
import { reportError } from '../../lib/error-store'
import { runJob } from '../jobs/job-store'

export interface ImportFiles {
  /** The app picks files in main; serve needs them chosen in the page. */
  picksInMain: boolean
  busy: boolean
  uploading: string | null
  importFiles: (files?: File[]) => Promise<void>
}

export function useImportFiles(): ImportFiles {
  const [busy, setBusy] = useState(false)
  const [uploading, setUploading] = useState<string | null>(null)

  async function upload(files: File[]): Promise<string[] | null> {
    const fileIds: string[] = []
    for (const [index, file] of files.entries()) {
      setUploading(`Uploading ${file.name} (${index + 1} of ${files.length})`)
      const result = await uploadFile(file)
      if (!result.ok) {
        reportError(`Uploading ${file.name}`, result.error)
        return null
      }
      fileIds.push(result.value.fileId)
    }
    return fileIds
  }

  return {
    picksInMain: isDesktop,
    busy,
    uploading,
    async importFiles(files = []) {
      setBusy(true)
      try {
        if (isDesktop) {
          await runJob('Import files', call('import:files', {}))
          return
        }
        const fileIds = await upload(files)
        setUploading(null)
        if (fileIds) await runJob(`Import ${files.length} file${files.length === 1 ? '' : 's'}`, call('import:files', { fileIds }))
      } finally {
        setUploading(null)
        setBusy(false)
      }
    },
  }
}
